/** A catalogue's shape with every text widened to `string`: what each other language must fill in. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }
