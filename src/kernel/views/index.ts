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
