import { defineConfig } from "vitepress"

// The documentation site: the Markdown of docs/ as it is read on the
// repository (README.md pages become the section index), plus the API
// reference that TypeDoc generates into docs/api from the public exports'
// JSDoc (`pnpm docs:build` runs both). Decision: docs/decisions/0008.
export default defineConfig({
  title: "entre-pairs",
  description: "Run peer exchanges (« échanges entre pairs ») by the rules of the French social ministries' note: a TypeScript SDK.",
  lang: "en",
  base: process.env["DOCS_BASE"] ?? "/",
  cleanUrls: true,
  lastUpdated: false,
  // README.md is the index of its folder on the repository; on the site too.
  rewrites: {
    "concepts/README.md": "concepts/index.md",
    "rules/README.md": "rules/index.md",
    "recipes/README.md": "recipes/index.md",
    "decisions/README.md": "decisions/index.md"
  },
  srcExclude: ["**/examples/**", "schema/**"],
  ignoreDeadLinks: [
    // Files of the repository that are not pages: examples, the JSON Schema.
    /\.(ts|json)$/,
    /^\.\.\/\.\.\/(packages|README)/
  ],
  markdown: { theme: { light: "github-light", dark: "github-dark" } },
  themeConfig: {
    nav: [
      { text: "Getting started", link: "/getting-started" },
      { text: "Concepts", link: "/concepts/" },
      { text: "Rules", link: "/rules/" },
      { text: "Commands", link: "/commands" },
      { text: "Recipes", link: "/recipes/" },
      { text: "API", link: "/api/" }
    ],
    sidebar: [
      { text: "Getting started", link: "/getting-started" },
      {
        text: "Concepts",
        items: [
          { text: "The exchange, the note, the lifecycle", link: "/concepts/" },
          { text: "Composing a group", link: "/concepts/composer" }
        ]
      },
      {
        text: "Reference",
        items: [
          { text: "Rules", link: "/rules/" },
          { text: "Commands", link: "/commands" },
          { text: "The command line", link: "/cli" },
          { text: "API", link: "/api/" }
        ]
      },
      {
        text: "Recipes",
        items: [
          { text: "All recipes", link: "/recipes/" },
          { text: "Embedding with Effect", link: "/recipes/embedding-effect" },
          { text: "The Promise facade", link: "/recipes/promise-facade" },
          { text: "Serving over HTTP", link: "/recipes/http-api" },
          { text: "Documents", link: "/recipes/documents" },
          { text: "A ministry's whole estate", link: "/recipes/estate" },
          { text: "Several servers on one PostgreSQL", link: "/recipes/several-servers" }
        ]
      },
      { text: "Decisions", link: "/decisions/" },
      { text: "Testing", link: "/testing" }
    ],
    search: { provider: "local" },
    outline: { level: [2, 3] }
  }
})
