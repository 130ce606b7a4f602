// Labels of the pathway's enum values in the current language. Every value has a key in both
// catalogues: tests/web/i18n/pathway-catalogue.test.ts checks them against the shared schemas.
import { t, type MessageKey } from '../../i18n/i18n.ts';
import type { RequestState } from '../../../../schemas/requests.ts';

export type LabelGroup = 'source' | 'priority' | 'appointment' | 'cushion' | 'orderSource' | 'kind' | 'trainee' | 'followUpKind' | 'outcome' | 'decision' | 'fit' | 'support' | 'warning';

export const stateLabel = (s: RequestState) => t(`requests.state.${s}` satisfies MessageKey);
export const enumLabel = (group: LabelGroup, value: string) => t(`requests.${group}.${value}` as MessageKey);

/** Options for a select: every value of an enum, labelled. */
export const optionsOf = (group: LabelGroup, values: readonly string[]) => () => values.map((value) => ({ value, label: enumLabel(group, value) }));

export const riskOptions = () => (['low', 'medium', 'high'] as const).map((value) => ({ value, label: t(`risk.${value}`) }));

/** The badge class of a state: finished well, ended, or on the way. */
export const stateTone = (s: RequestState) => (s === 'in_use' ? 'ok' : s === 'rejected' || s === 'cancelled' ? 'off' : 'step');
