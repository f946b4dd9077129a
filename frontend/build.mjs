// Builds GOV.UK Frontend from its npm package into our static files.
// No CDN, no crown, no GDS Transport font (GOV.UK's own brand): Arial via $govuk-font-family.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const out = "src/coproduce/core/static";
const govuk = "node_modules/govuk-frontend/dist/govuk";

rmSync(`${out}/govuk`, { recursive: true, force: true });
mkdirSync(`${out}/govuk/assets`, { recursive: true });
mkdirSync(`${out}/css`, { recursive: true });
// Only images: the fonts in assets/fonts are licensed to GOV.UK alone.
cpSync(`${govuk}/assets/images`, `${out}/govuk/assets/images`, { recursive: true });
cpSync(`${govuk}/govuk-frontend.min.js`, `${out}/govuk/govuk-frontend.min.js`);

const result = sass.compile("frontend/scss/app.scss", {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(`${out}/css/app.css`, result.css);

mkdirSync("tests/vendor", { recursive: true });
cpSync("node_modules/axe-core/axe.min.js", "tests/vendor/axe.min.js");
console.log("front-end built: css/app.css, govuk/, tests/vendor/axe.min.js");
