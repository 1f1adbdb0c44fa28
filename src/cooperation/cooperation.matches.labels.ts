import type { Translate } from '../web/i18n.ts';
import type { MatchStage } from './cooperation.tables.ts';

/** The message of each stage's name (written out, so that the catalogue check sees every key). */
const STAGE_LABELS: Record<MatchStage, string> = {
  proposed: 'cooperationMatches.stage.proposed',
  contacted: 'cooperationMatches.stage.contacted',
  'meeting-held': 'cooperationMatches.stage.meetingHeld',
  'agreement-drafted': 'cooperationMatches.stage.agreementDrafted',
  'agreement-signed': 'cooperationMatches.stage.agreementSigned',
  'under-way': 'cooperationMatches.stage.underWay',
  completed: 'cooperationMatches.stage.completed',
  dropped: 'cooperationMatches.stage.dropped',
};

export const stageLabel = (t: Translate, stage: MatchStage) => t(STAGE_LABELS[stage]);
