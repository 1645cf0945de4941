export { assertServicesExist } from "../../kernel/services.js";
