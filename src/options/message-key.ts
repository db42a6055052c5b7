// Turns a value such as an audience or authority id into the part of a message key naming it.
export const msgKey = (s: string) => s.replaceAll('-', '_'); // message keys allow only [A-Za-z0-9_]
