/**
 * Whether `id` can name a document: a whole number the databases store (up to
 * 2³¹−1 on PostgreSQL), or a MongoDB ObjectId. Anything else in an address is a
 * "no such page", answered before the API is asked.
 */
export const isDocumentId = (id: string) => (/^\d{1,10}$/.test(id) && Number(id) <= 2_147_483_647) || /^[a-f0-9]{24}$/.test(id)
