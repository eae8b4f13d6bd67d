import * as z from "zod";

/** What a photo job is asked to do: process one upload for one person. */
export const PhotoJobParams = z.object({
  employeeId: z.uuid(),
  /** Where the upload waits in the file store. */
  uploadKey: z.string().regex(/^uploads\/photos\/[0-9a-f-]+\/[0-9a-f-]+$/),
});
export type PhotoJobParams = z.infer<typeof PhotoJobParams>;

/** The job type the API queues and this handler runs. */
export const PHOTO_JOB = "photo";
