export type { ActionStyle, Badge, Card, CardAction, CardField, CardLink, Intent } from "./card.js";
export {
  type ChangeActionPresentation,
  changeActionFromId,
  changeActionId,
  changeActionPresentation,
} from "./change-actions.js";
export { type AgendaItem, cabAgenda } from "./change-agenda.js";
export { approvalPrompt, changeCard, changeCardAction, changeIntent } from "./change-card.js";
export { conflictLine, conflictLines } from "./change-conflicts.js";
export {
  cancelChangeForm,
  changeCreateForm,
  closeChangeForm,
  formForChangeAction,
  rejectForm,
  rescheduleForm,
} from "./change-forms.js";
export * from "./change-labels.js";
export { changeCalendar, changeList } from "./change-list.js";
export type {
  CheckboxField,
  Form,
  FormField,
  PersonField,
  SelectField,
  SelectOption,
  SubmittedValue,
  TextField,
} from "./form.js";
export { type FormSubmission, formSubmissionToCommand } from "./form-submission.js";
export {
  assignForm,
  cancelForm,
  formForIncidentAction,
  holdForm,
  incidentActionOpensForm,
  noteForm,
  priorityForm,
  reopenForm,
  resolveForm,
} from "./incident-action-forms.js";
export {
  type IncidentActionPresentation,
  incidentActionFromId,
  incidentActionId,
  incidentActionPresentation,
} from "./incident-actions.js";
export { incidentActionCommand } from "./incident-button.js";
export { incidentCard, incidentCardAction } from "./incident-card.js";
export {
  type IncidentCreateFormOptions,
  incidentCreateForm,
  prefillFromMessage,
} from "./incident-create-form.js";
export { incidentIntent } from "./incident-intent.js";
export * from "./incident-labels.js";
export { incidentList } from "./incident-list.js";
export type { List, ListItem } from "./list.js";
export { errorNotice, type Notice, type NoticeTone, notice } from "./notice.js";
export {
  mention,
  type PostSegment,
  type PostText,
  plainPostText,
  postText,
  readPostText,
  userText,
} from "./post-text.js";
export type { View } from "./view.js";
