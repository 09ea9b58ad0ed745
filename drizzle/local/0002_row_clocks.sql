CREATE TABLE `row_clocks` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`clocks` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
