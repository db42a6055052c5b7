/// <reference types="vite/client" />

declare module 'virtual:banwatch/lean-dataset' {
  const lean: import('./core/dataset/split').LeanDataset;
  export default lean;
}
