// The integration suite's entry: VS Code (test-electron or code-server) calls run() inside its
// extension host once the extension under development is loaded. esbuild bundles every
// test/suite/**/*.ts into out/suite/ on its own; mocha stays external and comes from the repo's
// node_modules. Tests use mocha's TDD interface (suite/test/suiteSetup), as VS Code itself does.
import * as fs from 'fs';
import * as path from 'path';

export async function run(): Promise<void> {
  // mocha 12 is an ES module: import() loads it in any VS Code, where require() would need a Node
  // with require(esm) (20.19+).
  const { default: Mocha } = await import('mocha');
  // STATCITE_IT_GREP (inherited from code-server's environment) runs only the matching tests.
  const grep = process.env.STATCITE_IT_GREP;
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  // test/code-server/run.mjs streams the log from this line on.
  console.log(`StatCite integration suite: ${files.length} test file(s) in ${__dirname}`);

  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run(() => {
      const { passes = 0, failures = 0 } = runner.stats ?? {};
      // A plain closing line CI can read, whatever the reporter printed before it.
      console.log(`${passes} passed, ${failures} failed`);
      if (files.length === 0) reject(new Error(`No *.test.js files under ${__dirname}`));
      else if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
