/** The query parameters that say which view of the dashboard is open. */
const VIEW_PARAMS = ['range', 'from', 'to', 'page'];
/** A page is a path with an allow-listed query: far shorter than this. */
const MAX_VALUE_LENGTH = 2048;

/**
 * The dashboard view of a query (`range=today&page=%2Fcontact`), keeping only the view's own
 * parameters, so sign-in returns to the view that was asked for. It only ever becomes the query
 * of `{basePath}/dashboard`, never a path or another host: no open redirect.
 */
export const viewQuery = (params: URLSearchParams): string => {
  const view = new URLSearchParams();
  for (const name of VIEW_PARAMS) {
    const value = params.get(name);
    if (value && value.length <= MAX_VALUE_LENGTH) view.set(name, value);
  }
  return view.toString();
};
