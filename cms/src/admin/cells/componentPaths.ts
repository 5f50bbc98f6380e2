/** Import-map paths of the admin panel's shared list cells (the collection configs name components by path). */
export const TEXT_LIST_CELL = '/admin/cells/TextListCell#TextListCell'
