// Text files imported with `?raw` (Vite and the server's esbuild build both inline them as strings).
declare module '*?raw' {
  const text: string
  export default text
}
