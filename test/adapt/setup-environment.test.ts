import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingPackages, pipInstallArguments, pipMirrorFromConfig, TRAINER_PACKAGES } from '../../src/adapt/setup/setup-environment.js';
import { runCli } from '../eval/helpers.js';
import { pythonSkip, testPython } from '../fixtures/python-skip.js';

describe('adapt setup: pip arguments from pip config', () => {
  it("turns pip's find-links and file:// extra indexes into --no-index --find-links folders", () => {
    const mirror = pipMirrorFromConfig({
      'global.find-links': '/opt/wheels',
      'global.extra-index-url': 'file:///opt/pypi/simple file:///opt/pypi-more/simple https://example.org/simple',
    });
    assert.deepEqual(mirror, { findLinks: ['/opt/wheels', '/opt/pypi/files', '/opt/pypi-more/files'] });
    assert.deepEqual(pipInstallArguments(['trl==1.13.0'], mirror), [
      'install',
      '--disable-pip-version-check',
      '--no-index',
      '--find-links',
      '/opt/wheels',
      '--find-links',
      '/opt/pypi/files',
      '--find-links',
      '/opt/pypi-more/files',
      'trl==1.13.0',
    ]);
  });
  it('without a local mirror: a normal pip install', () => {
    assert.equal(pipMirrorFromConfig({ 'global.extra-index-url': 'https://download.pytorch.org/whl/cpu' }), undefined);
    assert.deepEqual(pipInstallArguments(['sacrebleu'], undefined), ['install', '--disable-pip-version-check', 'sacrebleu']);
  });
  it('a package absent or at another pinned version is missing; a local build of the pinned version is not', () => {
    const versions = Object.fromEntries(TRAINER_PACKAGES.map((entry) => [entry.name, /==(.+)$/.exec(entry.spec)?.[1] ?? '1.0']));
    assert.deepEqual(missingPackages({ ...versions, torch: '2.13.0+cpu' }), []);
    assert.deepEqual(missingPackages({ ...versions, trl: '0.9.0', sacrebleu: null }), ['trl==1.13.0', 'sacrebleu']);
  });
});

describe('adapt setup on an environment that has everything', { skip: pythonSkip() }, () => {
  it('says so, lists the versions, and installs nothing', async () => {
    const result = await runCli(['adapt', 'setup', '--python', testPython()]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^already set up: nothing to install/);
    for (const entry of TRAINER_PACKAGES) assert.match(result.stdout, new RegExp(`\\n  ${entry.name} +\\d`));
    assert.doesNotMatch(result.stderr, /installing/);
  });
  it('a --python that does not exist is an input error', async () => {
    const result = await runCli(['adapt', 'setup', '--python', '/nonexistent/python3']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--python \/nonexistent\/python3: no such file/);
  });
});
