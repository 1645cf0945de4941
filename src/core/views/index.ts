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
export { type IncidentCreateFormOptions, incidentCreateForm } from "./incident-create-form.js";
export { incidentIntent } from "./incident-intent.js";
export * from "./incident-labels.js";
export { incidentList } from "./incident-list.js";
export type { List, ListItem } from "./list.js";
export { errorNotice, type Notice, type NoticeTone, notice } from "./notice.js";
export type { View } from "./view.js";
