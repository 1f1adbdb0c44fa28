/**
 * The i18n catalogue check (part of `npm run check`): every message exists in fr, es, en and pt,
 * parses as ICU with the same arguments in each language; every catalogue file is registered;
 * every key used in the code exists; no key is unused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogues } from '../src/web/catalogues.ts';
import { LANGUAGES } from '../src/web/language.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const problems: string[] = [];

function walk(dir: string, filter: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, filter);
    return filter(full) ? [full] : [];
  });
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (
      element.type === TYPE.argument ||
      element.type === TYPE.number ||
      element.type === TYPE.date ||
      element.type === TYPE.time
    )
      into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

// 1. Every messages file is registered in catalogues.ts.
const registered = fs.readFileSync(path.join(SRC, 'web/catalogues.ts'), 'utf8');
for (const file of walk(SRC, (f) => f.endsWith('.messages.json'))) {
  const relative = path.relative(path.join(SRC, 'web'), file).split(path.sep).join('/');
  const spec = relative.startsWith('.') ? relative : `./${relative}`;
  if (!registered.includes(`'${spec}'`))
    problems.push(`${path.relative(ROOT, file)} is not imported in src/web/catalogues.ts`);
}

// 2. Four languages, valid ICU, same arguments.
const keys = new Set<string>();
for (const catalogue of catalogues) {
  for (const [key, byLang] of Object.entries(catalogue)) {
    keys.add(key);
    let reference: string | undefined;
    for (const lang of LANGUAGES) {
      const text = byLang[lang];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${key}: missing in ${lang}`);
        continue;
      }
      try {
        const args = [...argumentsOf(parse(text))].sort().join(',');
        if (reference === undefined) reference = args;
        else if (args !== reference)
          problems.push(`${key}: arguments in ${lang} (${args}) differ from fr (${reference})`);
      } catch (error) {
        problems.push(`${key} (${lang}): not a valid ICU message: ${(error as Error).message}`);
      }
    }
    for (const lang of Object.keys(byLang)) {
      if (!(LANGUAGES as readonly string[]).includes(lang))
        problems.push(`${key}: unexpected language ${lang}`);
    }
  }
}

// 3. Keys used in code exist; 4. keys in catalogues are used.
const code = walk(SRC, (f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n');
for (const match of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
  if (!keys.has(match[1]!)) problems.push(`${match[1]}: used in the code but in no catalogue`);
}
for (const key of keys) {
  if (!code.includes(`'${key}'`)) problems.push(`${key}: in a catalogue but never used`);
}

if (problems.length > 0) {
  console.error(`i18n catalogue check: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`i18n catalogue check: ${keys.size} messages, each in ${LANGUAGES.join(', ')}; all used.`);
