CREATE INDEX "employees_name_key_trgm" ON "employees" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "employees_name_key_prefix" ON "employees" USING btree ("name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "employees_sort_key_prefix" ON "employees" USING btree ("sort_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "employees_email_prefix" ON "employees" USING btree ("email" text_pattern_ops);