// Types of pii-name-sources.mjs, for the TypeScript that imports it (tests, benches).
export interface OriginNames {
  id: string;
  label: string;
  /** Given names as written, some of several words ("An Bình"). */
  given: string[];
  surnames: string[];
}
export declare const SPLIT_SALT: string;
export declare const ORIGINS: ReadonlyArray<{ id: string; label: string; locales: string[] }>;
export declare function fold(token: string): string;
export declare function fnv1a(s: string): number;
export declare function stdlibNames(): Set<string>;
export declare function isHeldOut(token: string): boolean;
export declare function loadOriginNames(): Promise<OriginNames[]>;
export declare function heldOutNames(): Promise<OriginNames[]>;
export declare function buildNames(): Promise<OriginNames[]>;
export declare function humannamesBuildTokens(): Set<string>;
