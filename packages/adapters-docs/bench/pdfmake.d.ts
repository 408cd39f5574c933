// pdfmake 0.3 ships no type declarations: the few calls the benchmark makes.
declare module "pdfmake" {
  const pdfmake: {
    virtualfs: { writeFileSync(name: string, content: Uint8Array): void }
    setFonts(fonts: Record<string, Record<string, string>>): void
    setUrlAccessPolicy(policy: (url: string) => boolean): void
    setLocalAccessPolicy(policy: (path: string) => boolean): void
    createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Uint8Array> }
  }
  export default pdfmake
}
