// The mock's `engines` must be the truth about what it bundles: every package inside the bundles either
// declares a Node range that admits the mock's own minimum, or is named here with the reason its
// declaration does not bind the bundle (checked by the build; a new package that needs a newer Node stops it).

/**
 * Packages whose declared `engines.node` does not admit the mock's minimum, and why the bundle still runs
 * there. Prism 5.16's packages declare `>=24.18.0`: Prism sets that field to the Node its own tool chain
 * builds with and bumps it with each Node release ("chore(deps): bump node to 24.17", "…24.18", "…24.19";
 * 5.15.10 said `>=24.14.0`), not to a Node API it needs. The bundle is compiled for node20.19 (esbuild's
 * target lowers the syntax), the newer APIs the bundled code touches are feature-detected (jose's
 * `Uint8Array.fromBase64`, esbuild's `Symbol.dispose` helper), and the mock's tests and packaged tarball run
 * on Node 20. CI runs the packaged mock on the declared minimum and on Node 24.
 */
export const enginesWaived: Readonly<Record<string, string>> = {
  '@stoplight/prism-core': "Prism's engines follow its tool chain's Node, not an API it needs",
  '@stoplight/prism-http': "Prism's engines follow its tool chain's Node, not an API it needs",
};

type Version = [number, number, number];

/** A version or a partial one (`20`, `20.19`, `4.x`); missing or wildcard parts are undefined. */
function parts(text: string): Array<number | undefined> {
  return text
    .replace(/^v/, '')
    .split('.')
    .slice(0, 3)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : undefined));
}

const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether a version satisfies one comparator (`>=14.13`, `^12.20`, `4.x`, `>= 0.6`, `~1.2`, `1.2.3`). */
function satisfiesOne(version: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?\s*(.*)$/.exec(comparator.trim());
  const operator = match?.[1] ?? '';
  const [major, minor, patch] = parts(match?.[2] ?? '');
  if (major === undefined) return operator === '' || operator === '>=' || operator === '<='; // `*`, `x`
  const low: Version = [major, minor ?? 0, patch ?? 0];
  switch (operator) {
    case '>=':
      return compare(version, low) >= 0;
    case '>':
      return compare(version, low) > 0;
    case '<':
      return compare(version, low) < 0;
    case '<=':
      return minor === undefined ? version[0] <= major : compare(version, low) <= 0;
    case '^':
      return compare(version, low) >= 0 && version[0] === major;
    case '~':
      return compare(version, low) >= 0 && version[0] === major && (minor === undefined || version[1] === minor);
    default:
      // `1.2.3` exactly; `4.x` or `4` any 4.y.z; `4.2.x` any 4.2.z.
      return (
        version[0] === major &&
        (minor === undefined || version[1] === minor) &&
        (patch === undefined || version[2] === patch)
      );
  }
}

/** Whether a version satisfies a range (`a || b`, each a set of comparators separated by spaces). */
export function satisfies(versionText: string, range: string): boolean {
  const [major = 0, minor = 0, patch = 0] = parts(versionText);
  const version: Version = [major, minor, patch];
  return range.split('||').some((set) =>
    set
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesOne(version, comparator)),
  );
}

/** The lowest version a `>=x.y.z` range admits (the mock's own declaration's form). */
export function minimumOf(range: string): string {
  const match = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range.trim());
  if (!match?.[1]) throw new Error(`the mock's engines.node must be ">=x.y.z", got "${range}"`);
  const [major = 0, minor = 0, patch = 0] = parts(match[1]);
  return `${major}.${minor}.${patch}`;
}

export interface BundledPackage {
  name: string;
  version: string;
  engines?: { node?: string };
}

/** Each bundled package whose declared Node range leaves out the mock's minimum, unless waived: one line each. */
export function enginesProblems(packages: readonly BundledPackage[], declared: string): string[] {
  const minimum = minimumOf(declared);
  return packages
    .filter((pkg) => pkg.engines?.node && !satisfies(minimum, pkg.engines.node) && !(pkg.name in enginesWaived))
    .map(
      (pkg) =>
        `${pkg.name}@${pkg.version} declares node ${pkg.engines?.node}, which leaves out the mock's minimum ${minimum} (engines ${declared}): raise the mock's engines, or bundle a version that runs there`,
    );
}
