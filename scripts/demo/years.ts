/** The years of the demo's results. */
export const YEARS = [2021, 2022, 2023, 2024, 2025];
