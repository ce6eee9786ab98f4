/** Types of scripts/bundle-bin.mjs (the build's bin bundler), for the test that runs it. */
export declare const BIN: string;
export declare function bundleBin(options?: { outfile?: string }): Promise<void>;
