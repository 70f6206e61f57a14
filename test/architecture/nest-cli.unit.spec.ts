import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

interface NestProject {
  readonly type: 'application' | 'library';
  readonly root: string;
  readonly sourceRoot: string;
  readonly entryFile: string;
}

const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
  readonly monorepo: boolean;
  readonly projects: Readonly<Record<string, NestProject>>;
};

function folders(parent: string): string[] {
  return readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

// `nest build <app>` and `nest start <app>` read nest-cli.json: it must describe every app and
// library as they are on disk, or the Nest CLI builds and starts the wrong thing.
describe('nest-cli.json', () => {
  it('describes every app under apps/ and every library under libs/, and nothing else', () => {
    expect(nestCli.monorepo).toBe(true);
    const described = Object.entries(nestCli.projects);
    expect(
      described
        .filter(([, project]) => project.type === 'application')
        .map(([name]) => name)
        .sort(),
    ).toEqual(folders('apps'));
    expect(
      described
        .filter(([, project]) => project.type === 'library')
        .map(([name]) => name)
        .sort(),
    ).toEqual(folders('libs'));
  });

  it('points each project at its folder and at an entry file that exists', () => {
    for (const [name, project] of Object.entries(nestCli.projects)) {
      const parent = project.type === 'application' ? 'apps' : 'libs';
      expect(project.root).toBe(`${parent}/${name}`);
      expect(project.sourceRoot).toBe(`${parent}/${name}/src`);
      expect(readdirSync(join(ROOT, project.sourceRoot))).toContain(`${project.entryFile}.ts`);
    }
  });
});
