export {
  type ChangeActionPresentation,
  changeActionFromId,
  changeActionId,
  changeActionPresentation,
} from "../../practices/changes/views/actions.js";
export { type AgendaItem, cabAgenda } from "../../practices/changes/views/agenda.js";
export {
  approvalPrompt,
  changeCard,
  changeCardAction,
  changeIntent,
} from "../../practices/changes/views/card.js";
export { conflictLine, conflictLines } from "../../practices/changes/views/conflicts.js";
export {
  cancelChangeForm,
  changeCreateForm,
  closeChangeForm,
  formForChangeAction,
  rejectForm,
  rescheduleForm,
} from "../../practices/changes/views/forms.js";
export * from "../../practices/changes/views/labels.js";
export { changeCalendar, changeList } from "../../practices/changes/views/list.js";
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
} from "../../practices/incidents/views/action-forms.js";
export {
  type IncidentActionPresentation,
  incidentActionFromId,
  incidentActionId,
  incidentActionPresentation,
} from "../../practices/incidents/views/actions.js";
export { incidentActionCommand } from "../../practices/incidents/views/button-command.js";
export { incidentCard, incidentCardAction } from "../../practices/incidents/views/card.js";
export {
  type IncidentCreateFormOptions,
  incidentCreateForm,
} from "../../practices/incidents/views/create-form.js";
export { incidentIntent } from "../../practices/incidents/views/intent.js";
export * from "../../practices/incidents/views/labels.js";
export { incidentList } from "../../practices/incidents/views/list.js";
export type { ActionStyle, Badge, Card, CardAction, CardField, CardLink, Intent } from "./card.js";
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
export type { List, ListItem } from "./list.js";
export { errorNotice, type Notice, type NoticeTone, notice } from "./notice.js";
export type { View } from "./view.js";
