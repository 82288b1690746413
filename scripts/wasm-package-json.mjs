// Writes the package.json of a package wasm-bindgen generated, with the fields `wasm-pack build --target T`
// writes (wasm-pack 0.13: name, version, description, license, repository, files, main, types, plus
// "type": "module" and sideEffects for web and bundler, and the _bg.js file for bundler), read from
// `cargo metadata` on stdin. One difference: `files` lists the `snippets/` folder when there is one, which
// wasm-pack leaves out (wasm-bindgen/wasm-pack#1206), so `npm pack` would ship a package that cannot load.
// Usage: cargo metadata --no-deps --format-version 1 | node wasm-package-json.mjs TARGET OUT_DIR CRATE
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [target, outDir, crate] = process.argv.slice(2);
if (!["nodejs", "web", "bundler"].includes(target) || !outDir || !crate) {
  console.error("usage: node wasm-package-json.mjs nodejs|web|bundler OUT_DIR CRATE < cargo-metadata.json");
  process.exit(2);
}
const metadata = JSON.parse(readFileSync(0, "utf8"));
const pkg = metadata.packages.find((p) => p.name.replaceAll("-", "_") === crate);
if (!pkg) {
  console.error(`no package ${crate} in cargo metadata`);
  process.exit(2);
}
const main = `${crate}.js`;
const files = [`${crate}_bg.wasm`, main];
if (target === "bundler") files.push(`${crate}_bg.js`);
files.push(`${crate}.d.ts`);
if (existsSync(path.join(outDir, "snippets"))) files.push("snippets/");

const json = {
  name: pkg.name,
  ...(target === "nodejs" ? {} : { type: "module" }),
  description: pkg.description ?? undefined,
  version: pkg.version,
  license: pkg.license ?? undefined,
  repository: pkg.repository ? { type: "git", url: pkg.repository } : undefined,
  files,
  main,
  types: `${crate}.d.ts`,
  ...(target === "bundler" ? { sideEffects: [`./${main}`, "./snippets/*"] } : {}),
  ...(target === "web" ? { sideEffects: ["./snippets/*"] } : {}),
};
writeFileSync(path.join(outDir, "package.json"), JSON.stringify(json, null, 2) + "\n");
