import type { Catalogue } from './i18n.ts';
import web from './web.messages.json' with { type: 'json' };
import accounts from '../accounts/accounts.messages.json' with { type: 'json' };
import apiDocs from '../api-docs/api-docs.messages.json' with { type: 'json' };
import home from '../home/home.messages.json' with { type: 'json' };
import directory from '../directory/directory.messages.json' with { type: 'json' };
import organisations from '../directory/organisations.messages.json' with { type: 'json' };
import networks from '../directory/networks.messages.json' with { type: 'json' };
import exchange from '../directory/exchange.messages.json' with { type: 'json' };
import invitations from '../directory/invitations.messages.json' with { type: 'json' };
import audit from '../audit/audit.messages.json' with { type: 'json' };
import relations from '../directory/relations.messages.json' with { type: 'json' };
import practices from '../practices/practices.messages.json' with { type: 'json' };
import practicePages from '../practices/practices.pages.messages.json' with { type: 'json' };
import practiceForms from '../practices/practices.form.messages.json' with { type: 'json' };
import practiceWorkflow from '../practices/practices.workflow.messages.json' with { type: 'json' };
import practiceExchange from '../practices/practices.exchange.messages.json' with { type: 'json' };
import cooperationItems from '../cooperation/cooperation.items.messages.json' with { type: 'json' };
import cooperationMatching from '../cooperation/cooperation.matching.messages.json' with { type: 'json' };
import cooperationMatches from '../cooperation/cooperation.matches.messages.json' with { type: 'json' };
import cooperationRecords from '../cooperation/cooperation.records.messages.json' with { type: 'json' };
import cooperationIndicators from '../cooperation/cooperation.indicators.messages.json' with { type: 'json' };
import jobs from '../jobs/jobs.messages.json' with { type: 'json' };
import meetings from '../meetings/meetings.messages.json' with { type: 'json' };
import meetingsRecord from '../meetings/meetings.record.messages.json' with { type: 'json' };
import updates from '../updates/updates.messages.json' with { type: 'json' };
import questions from '../questions/questions.messages.json' with { type: 'json' };
import subscriptions from '../subscriptions/subscriptions.messages.json' with { type: 'json' };
import dashboard from '../dashboard/dashboard.messages.json' with { type: 'json' };

/** Every domain's UI messages; `npm run check` verifies the four languages and unused keys. */
export const catalogues: Catalogue[] = [
  web,
  accounts,
  apiDocs,
  home,
  directory,
  organisations,
  networks,
  exchange,
  invitations,
  audit,
  relations,
  practices,
  practicePages,
  practiceForms,
  practiceWorkflow,
  practiceExchange,
  cooperationItems,
  cooperationMatching,
  cooperationMatches,
  cooperationRecords,
  cooperationIndicators,
  jobs,
  meetings,
  meetingsRecord,
  updates,
  questions,
  subscriptions,
  dashboard,
] as Catalogue[];
