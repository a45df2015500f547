// The names of the spec's own extensions. This is the only hand-written file that spells them: every
// other file (generation, the rules, the mock, the CLI) asks for `ext.<name>` or for a reader of this
// package, so a rename is one edit and two readers cannot disagree on a spelling. test/boundaries.test.ts
// holds every other source file to it.

/** Each extension the spec is written with, by what it means. */
export const ext = {
  /** The error-code registry at the document's root (`spec/registry/`). */
  errorRegistry: 'x-error-registry',
  /** Where the sources disagree, on the node the decision is about: `pages`, `evidence`, `decision`. */
  sourceConflicts: 'x-source-conflicts',
  /** On an example: the request content that selects it in the mock (`body`, `invalid`, `otherwise`, `fault`). */
  mockWhen: 'x-mock-when',
  /** On an example: which of the pages' test data it reproduces. */
  seedTestData: 'x-seed-test-data',
  /** On an error example: the field its message names (`messageWithField`). */
  errorField: 'x-error-field',
  /** Cardholder data and credentials: never logged, printed or shown whole. */
  sensitive: 'x-sensitive',
  /** How a sensitive value may be shown: `last4`. */
  mask: 'x-mask',
  /** On a common header parameter: what fills it (a setting or a computed value). */
  value: 'x-value',
  /** On the X-KM-Tran-Time parameter: how far it may be from the clock, in seconds. */
  timeWindowSeconds: 'x-time-window-seconds',
  /** On TimeZone: each accepted zone's offset from UTC, in minutes. */
  utcOffsets: 'x-utc-offsets',
  /** On an operation: whether a retry of it is safe. */
  idempotent: 'x-idempotent',
  /** On the signing scheme: the documented test vector (secret, body, token). */
  testVector: 'x-test-vector',
  /** On a schema: a rule between fields that examples must keep (`rechargeableAmount`). */
  businessRule: 'x-business-rule',
  /** At the root: the guides, in the order the docs show them. */
  guides: 'x-guides',
  /** At the root: the contract's changelog. */
  changelog: 'x-changelog',
  /** On a response property: the request field whose value the mock answers with in it. */
  mockFrom: 'x-mock-from',
  /** On JweCompact: the JWE algorithms by their JOSE names (`alg`, `requestEnc`, `responseEnc`). */
  jweAlgorithms: 'x-jwe-algorithms',
  /** On EncryptedEnvelope: the TEST-ONLY key files the docs folder publishes, by role, paths from spec/. */
  testKeys: 'x-test-keys',
  /** On EncryptedEnvelope: a JWE that one of the TEST-ONLY private keys decrypts to a given plaintext. */
  jweTestVector: 'x-jwe-test-vector',
} as const;

/** Each English text key and the key of its Korean twin, beside it on the same object. */
export const koreanTwin = {
  description: 'x-ko',
  summary: 'x-ko-summary',
  title: 'x-ko-title',
  name: 'x-ko-name',
  meaning: 'x-ko-meaning',
  pages: 'x-ko-pages',
  evidence: 'x-ko-evidence',
  decision: 'x-ko-decision',
  changes: 'x-ko-changes',
} as const;

/** The prefix every Korean twin's key starts with. */
export const koreanPrefix = 'x-ko';

/** Extensions of the tools the bundle is read by (Redoc), written by generation, not by the spec's authors. */
export const toolExt = {
  codeSamples: 'x-codeSamples',
  displayName: 'x-displayName',
} as const;
