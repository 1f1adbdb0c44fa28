import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../web/language.ts';

type Json<T> = ColumnType<T, T | string, T | string>;
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type QuestionVisibility = 'public' | 'network';
export type QuestionStatus = 'open' | 'closed';
export type AnswerType = 'text' | 'yes-no' | 'number' | 'choice';

export interface NetworkQuestionsTable {
  id: Generated<string>;
  network_id: string;
  /** The member institution that asks. */
  organisation_id: string;
  asked_by: string | null;
  original_language: string;
  title: Json<LocalizedText>;
  background: JsonWithDefault<LocalizedText>;
  deadline: Timestamp;
  /** The IANA time zone the deadline was set in (shown beside UTC). */
  deadline_time_zone: ColumnType<string, string | undefined, string>;
  visibility: ColumnType<QuestionVisibility, QuestionVisibility | undefined, QuestionVisibility>;
  status: ColumnType<QuestionStatus, QuestionStatus | undefined, QuestionStatus>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface NetworkQuestionItemsTable {
  id: Generated<string>;
  question_id: string;
  position: number;
  text: Json<LocalizedText>;
  answer_type: AnswerType;
  /** For `choice`: the options, each in several languages. */
  choices: JsonWithDefault<LocalizedText[]>;
}

export interface NetworkQuestionAnswersTable {
  id: Generated<string>;
  question_id: string;
  organisation_id: string;
  country: string | null;
  language: string;
  answered_by: string | null;
  submitted_at: Generated<Date>;
}

export interface NetworkQuestionAnswerValuesTable {
  answer_id: string;
  item_id: string;
  value: string;
}

export interface QuestionsTables {
  network_questions: NetworkQuestionsTable;
  network_question_items: NetworkQuestionItemsTable;
  network_question_answers: NetworkQuestionAnswersTable;
  network_question_answer_values: NetworkQuestionAnswerValuesTable;
}
