import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { DEMO_MEMBERSHIPS } from './demo.data.ts';
import { DEMO_QUESTIONS } from './demo.questions.ts';
import { loadDemo } from './index.ts';

let database: DatabaseHandle;

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
  await loadDemo(database.db);
});
after(() => closeTestDatabase());

describe('the demo’s questions to the network', () => {
  it('are asked and answered by members of their networks, never by the asker', () => {
    for (const question of DEMO_QUESTIONS) {
      const members = (DEMO_MEMBERSHIPS[question.network] ?? [])
        .filter((m) => m.role !== 'observer')
        .map((m) => m.organisation);
      assert.ok(members.includes(question.organisation), `${question.key}: the asker is a member`);
      for (const answer of question.answers) {
        assert.ok(members.includes(answer.organisation), `${question.key}: ${answer.organisation}`);
        assert.notEqual(answer.organisation, question.organisation);
        assert.equal(answer.values.length, question.items.length);
      }
    }
  });

  it('loads RICOMI’s and the Americas working group’s questions with their answers, one past its deadline, two open', async () => {
    const rows = await database.db
      .selectFrom('network_questions')
      .select((eb) => [
        'id',
        'title',
        'deadline',
        eb
          .selectFrom('network_question_answers as a')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('a.question_id', '=', 'network_questions.id')
          .as('answers'),
      ])
      .execute();
    assert.equal(rows.length, 3);
    const now = Date.now();
    assert.equal(rows.filter((r) => new Date(r.deadline).getTime() > now).length, 2);
    assert.ok(rows.every((r) => Number(r.answers) >= 2));
    assert.match(rows.map((r) => r.title.en).join('\n'), /humanitarian visas/);
    const values = await database.db.selectFrom('network_question_answer_values').select('value').execute();
    assert.ok(values.length >= 20);
  });
});
