// pdfmake 0.3 ships no type declarations; these are the few internals used.
declare module "pdfmake/js/Printer.js" {
  const mod: unknown
  export default mod
}
declare module "pdfmake/js/virtual-fs.js" {
  const mod: unknown
  export default mod
}
declare module "pdfmake/js/URLResolver.js" {
  const mod: unknown
  export default mod
}
