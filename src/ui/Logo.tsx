// BanWatch's shield mark, the same shape as the in-page banner's.
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 128 128" aria-hidden="true">
      <path d="M64 12 L106 28 V62 C106 88 88 107 64 116 C40 107 22 88 22 62 V28 Z" fill="var(--accent)" />
      <path d="M58 44h12v32h-12z M58 82h12v12h-12z" fill="var(--surface)" />
    </svg>
  );
}
