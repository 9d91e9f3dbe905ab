declare namespace App {
  interface Locals {
    /** The year of the report being rendered, for MDX components (<Value …/>) in it. */
    reportYear?: number;
  }
}
