export { ruleDocumentationUrl } from "@alloy-toolkit/deployment";
