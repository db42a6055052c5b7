/// <reference types="vite/client" />

declare module 'virtual:banwatch/lean-dataset' {
  const lean: import('./core/dataset/split').LeanDataset;
  export default lean;
}

declare module 'virtual:banwatch/dataset-about' {
  const about: ReturnType<typeof import('./core/dataset/split').aboutOf>;
  export default about;
}

declare module 'virtual:banwatch/ruling-ids' {
  const ids: readonly string[];
  export default ids;
}

declare module 'virtual:banwatch/brand-names' {
  const names: import('./core/dataset/split').BrandNames;
  export default names;
}
