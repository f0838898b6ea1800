export function isWrittenAsCommonJs(file: string): boolean;
