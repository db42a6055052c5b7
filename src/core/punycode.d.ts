// Types for the `punycode` npm package (2.x), imported by its file path ('punycode/punycode.js')
// so bundlers never substitute Node's deprecated builtin module of the same name.
declare module 'punycode/punycode.js' {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
  export function encode(input: string): string;
  export function decode(input: string): string;
  const punycode: {
    version: string;
    toASCII: typeof toASCII;
    toUnicode: typeof toUnicode;
    encode: typeof encode;
    decode: typeof decode;
  };
  export default punycode;
}
