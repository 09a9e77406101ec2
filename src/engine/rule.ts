import type { Category } from '../core/categories.js';
import type { Description } from './description.js';

/**
 * Where a condition must be found, in characters of the normalised text measured from the trigger:
 * `within` either side, `before` ending at most that far before it, `after` starting at most that far after.
 * Without one, anywhere in the message.
 */
export interface Proximity {
  within?: number;
  before?: number;
  after?: number;
}

/** One condition of a rule: a named context, inline terms, or a regular expression. */
export type Condition = Proximity & ({ kind: 'context'; context: string } | { kind: 'terms'; terms: string[] } | { kind: 'pattern'; pattern: string });

/**
 * How a rule matches: a trigger term (`any`), then every `all` condition present and no `none` condition.
 * This is the whole language on purpose: small enough to read, test and compile into one automaton.
 */
export interface MatchSpec {
  any: string[];
  all: Condition[];
  none: Condition[];
}

export type Level = 'high' | 'medium' | 'low';

export interface Rule {
  /** `<category>/<file name>`, from the rule's path. */
  id: string;
  category: Category;
  description: Description;
  level: Level;
  languages: string[];
  match: MatchSpec;
  falsepositives: string[];
  references: string[];
  examples: { flag: string[]; pass: string[] };
  /** Whether the rule takes the `none` conditions of its languages' packs (rule-packs.ts), all or all but some. */
  inherit: boolean | { except: string[] };
  /**
   * Whether the learned stage may veto the rule's findings (model/combine.ts). `false` lets them stand
   * on the rule alone: for a demand the corpus never held, whose category the model cannot confirm.
   */
  veto: boolean;
  /** The file the rule came from, for errors. */
  file: string;
}

/** A named list of terms and patterns shared by rules, such as who is addressed or first-person talk. */
export interface Context {
  name: string;
  description: Description;
  terms: string[];
  patterns: string[];
  /**
   * Where the context occurs, the learned stage does not flag the message alone either (`silences_model`):
   * a rule leaves alone what its packs exclude, but the model would still read the retold demand's words.
   */
  silencesModel: boolean;
  /**
   * Contexts that cancel this one (`unless`): where one of them occurs anywhere in the message, this
   * context counts as absent. A retold demand beside a call on the group (据…介绍，…请大家今天…) is a demand.
   */
  unless: string[];
  file: string;
}

export interface RuleSet {
  rules: Rule[];
  contexts: Map<string, Context>;
}
