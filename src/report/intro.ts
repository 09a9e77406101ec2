/** What a report's figures mean, for a reader who never heard of fingertip (Markdown and HTML). */
export const INTRO =
  'A demand is a message that asks a whole group for a trace of compliance: a check-in, a form, likes or votes, ' +
  'an app install, a ranking, a screenshot as proof, a "收到" reply. Its burden is the people it reaches ' +
  '(group members other than the sender) times the minutes each such demand costs one of them.';
