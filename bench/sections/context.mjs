// What bench/run.mjs hands every section of the bench.
/**
 * @typedef {object} BenchContext
 * @property {string} root the project's root folder
 * @property {string} url the bench site (bench/out/site) served on loopback, ending in `/`
 * @property {string[]} errors console and page errors seen; any fails the run
 * @property {(n: number) => string} fmt one decimal
 */
export {};
