-- One index of a table model's config(indexes=...): name, table and columns are validated identifiers.
create index {{ index }} on {{ relation }} ({{ columns }})
