import { guarded } from '../lib/guarded';

/**
 * Offers `data` to the visitor as a JSON file (data portability: a machine-readable copy).
 * A Blob URL, so nothing is sent anywhere and no inline script is needed.
 */
export const downloadJson = (data: unknown, filename: string): void => {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL dies.
  setTimeout(
    guarded('freeing the download', () => URL.revokeObjectURL(url)),
    1e4,
  );
};
