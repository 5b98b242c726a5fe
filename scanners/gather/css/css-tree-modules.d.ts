// css-tree's entry point loads its whole lexer and grammar (~200 ms per thread); the gatherer needs only
// the tokenizer and the escape decoders, which css-tree exports as subpaths its type package does not declare.
declare module 'css-tree/tokenizer' {
  export { tokenize, tokenTypes } from 'css-tree';
}
declare module 'css-tree/utils' {
  export { ident, string, url } from 'css-tree';
}
