/** Vite's `?url` imports: the address of a file copied into the build with a content hash. */
declare module '*?url' {
  const url: string;
  export default url;
}
