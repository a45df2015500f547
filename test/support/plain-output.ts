// Runs in every test worker before its files: the programs the tests start (node scripts, CLIs, npm,
// publint) print plain text whatever the terminal that started vitest asked for, so assertions on their
// output never meet colour codes. Vitest's own reporter runs in the main process and keeps its colours.
delete process.env.FORCE_COLOR;
process.env.NO_COLOR = '1';
