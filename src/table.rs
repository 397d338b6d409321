//! Reading the TSV data files of `data/`: a header naming the columns, one row per entry.
//!
//! Lines starting with `#` and blank lines are skipped; cells holding several values separate
//! them with `|`. Errors name the file and line.

use crate::error::Error;

/// A parsed TSV file.
#[derive(Debug)]
pub(crate) struct Table {
    name: String,
    columns: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'t> {
    table: &'t Table,
    /// 1-based line in the file.
    pub(crate) line: usize,
    cells: &'t [String],
}

impl Table {
    /// Parses `text`, the contents of the file called `name` (used in errors).
    pub(crate) fn parse(name: &str, text: &str) -> Result<Table, Error> {
        let mut columns: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
            match &columns {
                None => columns = Some(cells),
                Some(cols) => {
                    if cells.len() > cols.len() {
                        return Err(Error::data(
                            name,
                            line_no,
                            format!("{} cells, but the header names {} columns", cells.len(), cols.len()),
                        ));
                    }
                    rows.push((line_no, cells));
                }
            }
        }
        let columns = columns.ok_or_else(|| Error::data(name, 1, "no header line".to_string()))?;
        Ok(Table { name: name.to_string(), columns, rows })
    }

    /// True when the header names `column`.
    pub(crate) fn has_column(&self, column: &str) -> bool {
        self.columns.iter().any(|c| c == column)
    }

    /// Fails unless the header names every one of `columns`.
    pub(crate) fn require(&self, columns: &[&str]) -> Result<(), Error> {
        for c in columns {
            if !self.has_column(c) {
                return Err(Error::data(&self.name, 1, format!("missing column `{c}`")));
            }
        }
        Ok(())
    }

    /// The rows, in file order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(line, cells)| Row { table: self, line: *line, cells })
    }
}

impl<'t> Row<'t> {
    /// The cell of `column`, or "" when the column is absent or the cell empty.
    pub(crate) fn get(&self, column: &str) -> &'t str {
        self.table.columns.iter().position(|c| c == column).and_then(|i| self.cells.get(i)).map(String::as_str).unwrap_or("")
    }

    /// The cell of `column` or `None` when empty.
    pub(crate) fn opt(&self, column: &str) -> Option<&'t str> {
        Some(self.get(column)).filter(|s| !s.is_empty())
    }

    /// The `|`-separated values of `column`, without empty ones.
    pub(crate) fn list(&self, column: &str) -> impl Iterator<Item = &'t str> + 't {
        self.get(column).split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    /// The cell of `column` parsed as `T`; an error names the file, line and column.
    pub(crate) fn parse<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>, Error> {
        match self.opt(column) {
            None => Ok(None),
            Some(s) => s.parse().map(Some).map_err(|_| Error::data(&self.table.name, self.line, format!("`{column}`: cannot read {s:?}"))),
        }
    }

    /// An error about this row.
    pub(crate) fn error(&self, message: String) -> Error {
        Error::data(&self.table.name, self.line, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_rows_and_lists() {
        let t = Table::parse("x.tsv", "# comment\nid\tname\taliases\nRU\tروسيا\tروسيا الاتحادية | الروس\n").unwrap();
        let row = t.rows().next().unwrap();
        assert_eq!(row.get("name"), "روسيا");
        assert_eq!(row.list("aliases").collect::<Vec<_>>(), ["روسيا الاتحادية", "الروس"]);
        assert_eq!(row.get("missing"), "");
        assert_eq!(row.line, 3);
    }

    #[test]
    fn too_many_cells_is_an_error_naming_the_line() {
        let err = Table::parse("x.tsv", "id\n1\t2\n").unwrap_err();
        assert_eq!(err.to_string(), "x.tsv:2: 2 cells, but the header names 1 columns");
    }
}
