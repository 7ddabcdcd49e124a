/** A file size in the locale's numbers: "512 B", "1.5 KB" ("1,5 KB" in Polish). */
export const formatBytes = (n: number, locale: string): string => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
};
