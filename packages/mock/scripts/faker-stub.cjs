// Stands in for @faker-js/faker in the bundled mock. Prism (and the Postman
// collection reader inside it) use faker only to generate random data
// (Prefer: dynamic=true), which this mock refuses; some of that code reads
// faker's members when it loads, so every member is this same stub, and only
// calling one fails.
const refuse = () => {
  throw new Error('konaplate-mock does not generate random data (dynamic mode): faker is not bundled');
};
const stub = new Proxy(() => {}, {
  get: (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : stub),
  apply: refuse,
  construct: refuse,
});
module.exports = stub;
