// @konaplate-contract/codegen: everything under generated/ is written by these targets, each asking
// @konaplate-contract/contract what the spec says. scripts/*.ts are thin entry points over this index.

export { SpecError } from '@konaplate-contract/contract';
export { checkBreaking, latestRelease } from './breaking.ts';
export { buildBundle } from './build.ts';
export { chromiumInstallCommand, defaultChromiumPath, launchChromium } from './chromium.ts';
export { clientContract } from './client-contract.ts';
export { deriveBundle } from './derive.ts';
export { codeSamples, docsHtml, docsSpec } from './docs.ts';
export { printHtml } from './docs-print.ts';
export { docsSiteFiles } from './docs-site.ts';
export {
  committedDownloads,
  downloadFiles,
  downloadPath,
  downloadPaths,
  downloadsDir,
  downloadsManifest,
  inputsDigest,
  packReproducibly,
  type ShippedPackage,
  shippedPackages,
} from './downloads.ts';
export { generateAll, generateEverything, targets, writeGenerated } from './generate.ts';
export { guidesOf } from './guides.ts';
export { mockScenarios } from './mock-scenarios.ts';
export { generatedDir, registrySchemaPath, repoRoot, specEntry } from './paths.ts';
export { quickStartEnd, quickStartStart, withQuickStart } from './qa-quick-start.ts';
export { loadBundleFile } from './read-bundle.ts';
export { redocKorean } from './redoc-labels.ts';
export { bundleSpec } from './redocly.ts';
export { registryEntryFiles } from './registry-source.ts';
export { createSchemaValidator } from './schema-validator.ts';
export { readTgz, reproducibleTgz, storedGzip, type TarEntry } from './tarball.ts';
export type { GeneratedFile, Target, TargetContext } from './target.ts';
export { bundleFiles } from './targets/bundle.ts';
export { clientFiles } from './targets/client-contract.ts';
export { errorCodeFiles } from './targets/error-codes.ts';
export { mockFiles } from './targets/mock-scenarios.ts';
export { typeFiles } from './targets/openapi-types.ts';
export { pdfFiles, pdfRecord, recordedPdfFiles } from './targets/pdf.ts';
