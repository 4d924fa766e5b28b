-- Materialises a model as a table. {{ relation }}: a model of the project (validated); {{ select }}: its rendered SQL.
create table {{ relation }} as
{{ select }}
