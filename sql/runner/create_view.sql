-- Materialises a model as a view. {{ relation }}: a model of the project (validated); {{ select }}: its rendered SQL.
create view {{ relation }} as
{{ select }}
